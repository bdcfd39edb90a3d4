import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const handler = async (e) => ({ statusCode: 200, body: JSON.stringify((await db.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { PK: e.id, SK: 'ARTICLE' } }))).Item) });
