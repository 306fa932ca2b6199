/** [what it is, the comment, how many command lines it holds] */
export declare const hostileComments: readonly (readonly [name: string, body: string, commands: number])[];
